import type { HeldTransaction } from './payment-sandbox.store';

const escape = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The page UrlThanhToan points at: what the citizen pays, and two buttons that settle it at once. */
export function payPage(transaction: HeldTransaction, settleAfterMs: number | undefined): string {
  const settleUrl = `/_sandbox/transactions/${encodeURIComponent(transaction.reference)}/settle`;
  const button = (outcome: string, label: string) =>
    `<form method="post" action="${settleUrl}?outcome=${outcome}"><button>${label}</button></form>`;
  const pending = transaction.state === 'pending';
  return `<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>Thanh toán ${escape(transaction.reference)}</title></head>
<body>
<h1>Nền tảng thanh toán (sandbox)</h1>
<p>${escape(transaction.description)}</p>
<p>Số tiền: <strong>${transaction.amount.toLocaleString('vi-VN')} VND</strong></p>
<p>Trạng thái: <strong>${transaction.state}</strong></p>
${
  pending
    ? `${settleAfterMs === undefined ? '' : `<p>The sandbox settles this payment by itself ${settleAfterMs} ms after its INIT.</p>`}
${button('paid', 'Thanh toán')}
${button('failed', 'Hủy giao dịch')}`
    : ''
}
</body></html>
`;
}
