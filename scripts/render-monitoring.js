#!/usr/bin/env node
/**
 * Writes the Kubernetes form of the monitoring files from their source of truth in deploy/monitoring/:
 * alerts.yml becomes a PrometheusRule, dashboards/*.json a ConfigMap the Grafana sidecar picks up
 * (label grafana_dashboard). `--check` fails when the written files are out of date (npm test runs it).
 */
const { readFileSync, readdirSync, writeFileSync, existsSync } = require('node:fs');
const { join } = require('node:path');
const prettier = require('prettier');
const YAML = require('yaml');

const root = join(__dirname, '..');
const source = join(root, 'deploy', 'monitoring');
const target = join(root, 'deploy', 'k8s', 'components', 'monitoring');
const header =
  '# Written by `npm run deploy:monitoring` from deploy/monitoring/: edit the source, not this file.\n';

async function rendered() {
  const alerts = YAML.parse(readFileSync(join(source, 'alerts.yml'), 'utf8'));
  const rule = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'lienthong', labels: { 'app.kubernetes.io/part-of': 'lienthong' } },
    spec: { groups: alerts.groups },
  };
  const dashboards = readdirSync(join(source, 'dashboards'))
    .filter((file) => file.endsWith('.json'))
    .sort();
  const configMap = {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: {
      name: 'lienthong-grafana-dashboards',
      labels: { 'app.kubernetes.io/part-of': 'lienthong', grafana_dashboard: '1' },
      annotations: { grafana_folder: 'Lienthong' },
    },
    data: Object.fromEntries(
      dashboards.map((file) => [file, readFileSync(join(source, 'dashboards', file), 'utf8')]),
    ),
  };
  const format = async (file, object) =>
    prettier.format(header + YAML.stringify(object, { lineWidth: 0 }), {
      ...(await prettier.resolveConfig(join(target, file))),
      parser: 'yaml',
    });
  return {
    'prometheus-rule.yaml': await format('prometheus-rule.yaml', rule),
    'grafana-dashboards.yaml': await format('grafana-dashboards.yaml', configMap),
  };
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  for (const [file, text] of Object.entries(await rendered())) {
    const path = join(target, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
    if (current === text) continue;
    if (check) {
      console.error(`${path} is out of date: run npm run deploy:monitoring`);
      stale += 1;
    } else {
      writeFileSync(path, text);
      console.log(`wrote ${path}`);
    }
  }
  process.exitCode = stale > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
