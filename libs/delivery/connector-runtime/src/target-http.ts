import axios, { type AxiosInstance, type CreateAxiosDefaults } from 'axios';
import { num, type ConfigOf } from '@lienthong/config';
import { LienthongError } from '@lienthong/errors';

export const targetHttpConfigSpec = {
  HTTP_MAX_ANSWER_BYTES: num({
    default: 8 * 1024 * 1024,
    desc: 'Largest answer read from a target system (portal, population database, document exchange); a larger one is cut off and the call fails',
    example: '16777216',
  }),
};

export type TargetHttpConfig = ConfigOf<typeof targetHttpConfigSpec>;

/**
 * Thrown inside the redirect hook; reach() finds it in the error's causes. Retriable like the
 * TargetAccessError it becomes: the dossier is not at fault, the target's URL is.
 */
export class RedirectRefusal extends LienthongError {
  constructor(
    readonly from: string,
    readonly to: string,
  ) {
    super(
      'HTTP_REDIRECT_REFUSED',
      `a redirect from ${from} to ${to} was refused: a target may only redirect to itself`,
      { retriable: true },
    );
  }
}

/** Same origin, or the same host moving from http to https. */
function staysOnTarget(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true;
  return from.hostname === to.hostname && from.protocol === 'http:' && to.protocol === 'https:';
}

/**
 * The one way a connector builds its HTTP client to a target. A redirect may not leave the target's
 * host: the credentials (ApiKey, session, signature) ride in headers that follow-redirects keeps on
 * another host. An answer larger than HTTP_MAX_ANSWER_BYTES is cut off instead of filling the memory.
 */
export function targetHttp(
  config: Pick<TargetHttpConfig, 'HTTP_MAX_ANSWER_BYTES'>,
  options: CreateAxiosDefaults,
): AxiosInstance {
  return axios.create({
    ...options,
    maxContentLength: config.HTTP_MAX_ANSWER_BYTES,
    maxRedirects: 5,
    beforeRedirect: (next, _answer, request) => {
      const from = new URL(request.url);
      const to = new URL(String(next.href));
      if (!staysOnTarget(from, to)) throw new RedirectRefusal(from.host, to.host);
    },
  });
}
