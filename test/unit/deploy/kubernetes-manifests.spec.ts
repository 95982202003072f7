import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseAllDocuments, parse as parseYaml } from 'yaml';

/** The manifests under deploy/k8s: rendered with `kubectl kustomize`, validated against the Kubernetes schemas. */

type K8sObject = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  data?: Record<string, string>;
};
type Container = {
  name: string;
  command?: string[];
  env?: { name: string; value?: string; valueFrom?: any }[]; // eslint-disable-line @typescript-eslint/no-explicit-any
  volumeMounts?: { name: string; mountPath: string }[];
  livenessProbe?: { httpGet?: { path: string } };
  readinessProbe?: { httpGet?: { path: string } };
  resources?: { requests?: object; limits?: object };
};

const root = join(__dirname, '..', '..', '..');
const k8s = join(root, 'deploy', 'k8s');
const kubectl = ['/usr/bin/kubectl', '/usr/local/bin/kubectl'].find((path) => existsSync(path));
const CREDENTIAL = /PASSWORD|SECRET|TOKEN|API_KEY|USERNAME|AUDIT_KEY|DATABASE_URL/;

function render(dir: string): K8sObject[] {
  const text = execFileSync(kubectl!, ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return parseAllDocuments(text).map((document) => document.toJS() as K8sObject);
}

/** Production with the optional KEDA component, composed the way an operator would. */
function renderProductionWithKeda(): K8sObject[] {
  const dir = mkdtempSync(join(tmpdir(), 'lienthong-kustomize-'));
  try {
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      [
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources:',
        `  - ${relative(dir, join(k8s, 'overlays', 'production'))}`,
        'components:',
        `  - ${relative(dir, join(k8s, 'components', 'keda'))}`,
        '',
      ].join('\n'),
    );
    return render(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Without kubectl: the plain resource files of the base and the components, unpatched. */
function resourceFiles(): K8sObject[] {
  const dirs = ['base', 'components/monitoring', 'components/keda', 'components/backing-services'];
  return dirs.flatMap((dir) => {
    const kustomization = parseYaml(readFileSync(join(k8s, dir, 'kustomization.yaml'), 'utf8'));
    return (kustomization.resources as string[]).flatMap((file) =>
      parseAllDocuments(readFileSync(join(k8s, dir, file), 'utf8')).map((d) => d.toJS() as K8sObject),
    );
  });
}

function schemaErrors(objects: K8sObject[]): string[] {
  const result = spawnSync('node', [join(root, 'scripts', 'validate-manifests.mjs'), '--json'], {
    input: objects.map((object) => JSON.stringify(object)).join('\n---\n'),
    encoding: 'utf8',
    cwd: root,
  });
  const results = JSON.parse(result.stdout) as { kind: string; name: string; error?: string }[];
  expect(results).toHaveLength(objects.length);
  return results.filter((r) => r.error).map((r) => `${r.kind} ${r.name}: ${r.error}`);
}

const workloads = (objects: K8sObject[]) =>
  objects.filter((o) => o.kind === 'Deployment' || o.kind === 'StatefulSet');
const containers = (workload: K8sObject): Container[] => workload.spec.template.spec.containers;
const named = (objects: K8sObject[], kind: string) => objects.filter((o) => o.kind === kind);
/** A CronJob as the Job it makes, so that one helper reads every pod template. */
const asJob = (cron: K8sObject): K8sObject => ({ ...cron, kind: 'Job', spec: cron.spec.jobTemplate.spec });
const podTemplates = (objects: K8sObject[]) => [
  ...workloads(objects),
  ...named(objects, 'Job'),
  ...named(objects, 'CronJob').map(asJob),
];
const envOf = (workload: K8sObject, name: string) =>
  containers(workload)[0].env?.find((variable) => variable.name === name);
const lienthongWorkloads = (objects: K8sObject[]) =>
  workloads(objects).filter((w) => w.metadata.labels?.['app.kubernetes.io/part-of'] === 'lienthong');
const matches = (selector: Record<string, string>, labels: Record<string, string> = {}) =>
  Object.entries(selector).every(([key, value]) => labels[key] === value);

describe('deploy/k8s', () => {
  it('declares only objects valid against the Kubernetes API schemas (plain resource files)', () => {
    const objects = resourceFiles();
    expect(objects.length).toBeGreaterThan(10);
    expect(schemaErrors(objects)).toEqual([]);
  });

  it('keeps the PrometheusRule and the dashboards ConfigMap written from deploy/monitoring/', () => {
    const check = spawnSync('node', [join(root, 'scripts', 'render-monitoring.js'), '--check'], {
      encoding: 'utf8',
    });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    const rule = parseYaml(
      readFileSync(join(k8s, 'components', 'monitoring', 'prometheus-rule.yaml'), 'utf8'),
    );
    const alerts = parseYaml(readFileSync(join(root, 'deploy', 'monitoring', 'alerts.yml'), 'utf8'));
    expect(rule.spec.groups).toEqual(alerts.groups);
  });

  if (!kubectl) {
    it.todo('renders the overlays (needs kubectl on this machine)');
    return;
  }

  describe('overlays/production', () => {
    const objects = render(join(k8s, 'overlays', 'production'));

    it('renders objects valid against the Kubernetes API schemas', () => {
      expect(schemaErrors(objects)).toEqual([]);
    });

    it('runs the hub, the three connectors and the console, and no sandbox, simulator or Secret', () => {
      expect(
        lienthongWorkloads(objects)
          .map((w) => `${w.kind}/${w.metadata.name}`)
          .sort(),
      ).toEqual([
        'Deployment/connector-documents',
        'Deployment/connector-national-portal',
        'Deployment/connector-population',
        'Deployment/console',
        'StatefulSet/hub',
      ]);
      expect(named(objects, 'Secret')).toEqual([]);
      for (const workload of workloads(objects)) expect(workload.spec.replicas).toBeGreaterThanOrEqual(2);
    });

    it('starts each app from the image with its compiled entry point', () => {
      for (const workload of lienthongWorkloads(objects)) {
        const [container] = containers(workload);
        expect(container.command).toEqual(['node', `dist/apps/${workload.metadata.name}/src/main.js`]);
        // The console app is being built beside this work; every other app must exist.
        if (workload.metadata.name === 'console' && !existsSync(join(root, 'apps', 'console'))) continue;
        expect(existsSync(join(root, 'apps', workload.metadata.name, 'src', 'main.ts'))).toBe(true);
      }
    });

    it('gives every app separate liveness and readiness probes, resources and a non-root user', () => {
      for (const workload of lienthongWorkloads(objects)) {
        for (const container of containers(workload)) {
          expect([workload.metadata.name, container.livenessProbe?.httpGet?.path]).toEqual([
            workload.metadata.name,
            '/health/live',
          ]);
          expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
          expect(container.resources?.requests).toBeDefined();
          expect(container.resources?.limits).toBeDefined();
        }
        expect(workload.spec.template.spec.securityContext.runAsNonRoot).toBe(true);
      }
    });

    it('names each hub replica stably and passes that name as HUB_INSTANCE_ID (its transactional id)', () => {
      const [hub] = named(objects, 'StatefulSet');
      const env = containers(hub)[0].env ?? [];
      expect(env.find((e) => e.name === 'HUB_INSTANCE_ID')?.valueFrom).toEqual({
        fieldRef: { fieldPath: 'metadata.name' },
      });
      for (const connector of lienthongWorkloads(objects).filter((w) =>
        w.metadata.name.startsWith('connector-'),
      )) {
        expect(
          containers(connector)[0].env?.find((e) => e.name === 'CONNECTOR_INSTANCE_ID')?.valueFrom,
        ).toEqual({
          fieldRef: { fieldPath: 'metadata.name' },
        });
      }
    });

    it('migrates once as the owner (the migrate Job) and runs every app with a database as the app role, without migrating', () => {
      const [job] = named(objects, 'Job');
      expect(containers(job)[0].command).toEqual(['node', 'dist/apps/cli/src/main.js', 'migrate']);
      expect(envOf(job, 'DATABASE_URL')?.valueFrom?.secretKeyRef?.name).toBe('lienthong-database-owner');
      for (const workload of lienthongWorkloads(objects)) {
        // The hub has no database: its state is on Kafka (hub.state.v1).
        const secret = workload.metadata.name === 'hub' ? undefined : 'lienthong-database';
        expect([
          workload.metadata.name,
          envOf(workload, 'DATABASE_URL')?.valueFrom?.secretKeyRef?.name,
        ]).toEqual([workload.metadata.name, secret]);
      }
      const config = named(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('lienthong-config'));
      expect(config?.data).toMatchObject({ DATABASE_MIGRATE: 'false', DATABASE_APP_ROLE: 'lienthong_app' });
    });

    it('verifies the audit log every hour as the app role, the anchors read over TLS: a broken log fails the Job', () => {
      const [cron] = named(objects, 'CronJob').filter((c) => c.metadata.name === 'audit-verify');
      expect(cron.spec).toMatchObject({ schedule: '17 * * * *', concurrencyPolicy: 'Forbid' });
      const job = asJob(cron);
      expect(job.spec).toMatchObject({ backoffLimit: 0, template: { spec: { restartPolicy: 'Never' } } });
      expect(containers(job)[0].command).toEqual([
        'node',
        'dist/apps/cli/src/main.js',
        '--json',
        'audit',
        'verify',
        '--local',
      ]);
      expect(envOf(job, 'DATABASE_URL')?.valueFrom?.secretKeyRef?.name).toBe('lienthong-database');
      expect(envOf(job, 'AUDIT_KEY')?.valueFrom?.secretKeyRef?.name).toBe('lienthong-console');
      expect(containers(job)[0].volumeMounts).toContainEqual(
        expect.objectContaining({ name: 'kafka-ca', mountPath: '/etc/lienthong/kafka-ca' }),
      );
    });

    it('takes every credential from a Secret, never from a literal or the ConfigMap', () => {
      for (const workload of podTemplates(objects)) {
        for (const variable of containers(workload).flatMap((c) => c.env ?? [])) {
          if (CREDENTIAL.test(variable.name)) {
            expect([workload.metadata.name, variable.name, variable.valueFrom?.secretKeyRef?.key]).toEqual([
              workload.metadata.name,
              variable.name,
              variable.name,
            ]);
          }
        }
      }
      for (const configMap of named(objects, 'ConfigMap').filter((c) =>
        c.metadata.name.startsWith('lienthong-config'),
      )) {
        expect(Object.keys(configMap.data ?? {}).filter((key) => CREDENTIAL.test(key))).toEqual([]);
      }
    });

    it('reaches Kafka only over verified TLS with SCRAM-SHA-512, the login and the CA from Secrets', () => {
      const config = named(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('lienthong-config'));
      expect(config?.data).toMatchObject({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SSL_CA_FILE: '/etc/lienthong/kafka-ca/ca.crt',
      });
      for (const workload of lienthongWorkloads(objects)) {
        const [container] = containers(workload);
        const name = workload.metadata.name;
        const env = container.env ?? [];
        for (const key of ['KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD']) {
          expect([name, env.find((e) => e.name === key)?.valueFrom?.secretKeyRef]).toEqual([
            name,
            { name: 'lienthong-kafka', key },
          ]);
        }
        const mount = container.volumeMounts?.find((m) => m.mountPath === '/etc/lienthong/kafka-ca');
        const volume = workload.spec.template.spec.volumes.find(
          (v: { name: string }) => v.name === mount?.name,
        );
        expect([name, volume?.secret?.secretName]).toEqual([name, 'lienthong-kafka-ca']);
      }
    });

    it('never turns Kafka TLS off or leaves SASL empty, in any ConfigMap or container', () => {
      const values = [
        ...named(objects, 'ConfigMap').flatMap((c) => Object.entries(c.data ?? {})),
        ...workloads(objects)
          .flatMap(containers)
          .flatMap((c) => (c.env ?? []).map((e) => [e.name, e.value] as [string, string | undefined])),
      ];
      const kafkaSsl = values.filter(([key]) => key === 'KAFKA_SSL');
      expect(kafkaSsl.length).toBeGreaterThan(0);
      expect(kafkaSsl.filter(([, value]) => value !== 'true')).toEqual([]);
      expect(values.filter(([key, value]) => key === 'KAFKA_SASL_MECHANISM' && !value)).toEqual([]);
    });

    it('sets how long the brokers keep the topics, dead letters (whole events) no longer than 30 days', () => {
      const config = named(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('lienthong-config'));
      expect(Number(config?.data?.KAFKA_RETENTION_HOURS)).toBeGreaterThan(0);
      expect(Number(config?.data?.KAFKA_DLQ_RETENTION_HOURS)).toBeGreaterThan(0);
      expect(Number(config?.data?.KAFKA_DLQ_RETENTION_HOURS)).toBeLessThanOrEqual(30 * 24);
    });

    it('protects every app with a PodDisruptionBudget', () => {
      const budgets = named(objects, 'PodDisruptionBudget');
      for (const workload of lienthongWorkloads(objects)) {
        const labels = workload.spec.template.metadata.labels;
        expect([
          workload.metadata.name,
          budgets.some((b) => matches(b.spec.selector.matchLabels, labels)),
        ]).toEqual([workload.metadata.name, true]);
      }
    });

    it('denies ingress by default and lets only the console be reached from outside', () => {
      const policies = named(objects, 'NetworkPolicy');
      const denyAll = policies.find((p) => Object.keys(p.spec.podSelector).length === 0 && !p.spec.ingress);
      expect(denyAll).toBeDefined();
      const open = policies.filter((p) =>
        (p.spec.ingress ?? []).some((rule: { from?: unknown[] }) => !rule.from || rule.from.length === 0),
      );
      expect(open.map((p) => p.spec.podSelector.matchLabels)).toEqual([
        { 'app.kubernetes.io/name': 'console' },
      ]);
      for (const service of named(objects, 'Service'))
        expect(service.spec.type ?? 'ClusterIP').toBe('ClusterIP');
    });

    it('scrapes every app with the ServiceMonitor', () => {
      const [monitor] = named(objects, 'ServiceMonitor');
      const services = named(objects, 'Service');
      expect(services).toHaveLength(5);
      for (const service of services) {
        expect(matches(monitor.spec.selector.matchLabels, service.metadata.labels)).toBe(true);
        expect(service.spec.ports.map((p: { name: string }) => p.name)).toContain(
          monitor.spec.endpoints[0].port,
        );
      }
      expect(named(objects, 'PrometheusRule')).toHaveLength(1);
    });
  });

  describe('overlays/staging', () => {
    const objects = render(join(k8s, 'overlays', 'staging'));

    it('renders objects valid against the Kubernetes API schemas', () => {
      expect(schemaErrors(objects)).toEqual([]);
    });

    it('adds the sandboxes and the simulator, and points the connectors at the sandboxes', () => {
      const names = workloads(objects).map((w) => w.metadata.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'sandbox-national-portal',
          'sandbox-population',
          'sandbox-documents',
          'simulator',
        ]),
      );
      const config = named(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('lienthong-config'));
      expect(config?.data).toMatchObject({
        PORTAL_URL: 'http://sandbox-national-portal:8081',
        POPULATION_URL: 'http://sandbox-population:8082/dancuquocgia',
        DOCUMENTS_URL: 'http://sandbox-documents:8083',
        KAFKA_REPLICATION_FACTOR: '1',
      });
    });

    it('provides every Secret key a pod requires', () => {
      const secrets = new Map(
        named(objects, 'Secret').map((s) => [s.metadata.name, Object.keys(s.data ?? {})]),
      );
      for (const workload of podTemplates(objects)) {
        for (const variable of containers(workload).flatMap((c) => c.env ?? [])) {
          const ref = variable.valueFrom?.secretKeyRef;
          if (!ref || ref.optional) continue;
          expect([workload.metadata.name, ref.name, secrets.get(ref.name)?.includes(ref.key)]).toEqual([
            workload.metadata.name,
            ref.name,
            true,
          ]);
        }
      }
    });
  });

  describe('components/keda', () => {
    const objects = renderProductionWithKeda();

    it('scales the hub and each connector on lag, never past the partition count', () => {
      expect(schemaErrors(objects)).toEqual([]);
      expect(named(objects, 'TriggerAuthentication').map((t) => t.metadata.name)).toEqual([
        'lienthong-kafka',
      ]);
      const scaled = named(objects, 'ScaledObject');
      const config = named(objects, 'ConfigMap').find((c) => c.metadata.name.startsWith('lienthong-config'));
      expect(scaled.map((s) => s.spec.scaleTargetRef.name).sort()).toEqual(
        lienthongWorkloads(objects)
          .filter((w) => w.metadata.name !== 'console')
          .map((w) => w.metadata.name)
          .sort(),
      );
      for (const object of scaled) {
        const target = workloads(objects).find((w) => w.metadata.name === object.spec.scaleTargetRef.name);
        expect(target?.kind).toBe(object.spec.scaleTargetRef.kind);
        expect(object.spec.maxReplicaCount).toBeLessThanOrEqual(Number(config?.data?.KAFKA_PARTITIONS));
        expect(object.spec.triggers[0].metadata.bootstrapServers).toBe(config?.data?.KAFKA_BROKERS);
        expect(object.spec.triggers[0].metadata).toMatchObject({ sasl: 'scram_sha512', tls: 'enable' });
        expect(object.spec.triggers[0].authenticationRef).toEqual({ name: 'lienthong-kafka' });
      }
    });
  });
});
