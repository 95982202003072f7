#!/usr/bin/env node
/**
 * Validates Kubernetes objects against the API schemas (kubernetes-models, and the Prometheus Operator's
 * and KEDA's CRD models): `kubectl kustomize deploy/k8s/overlays/production | node scripts/validate-manifests.mjs`.
 * Prints one line per object; exits 1 when one is invalid or of a kind no schema is known for.
 * With --json, prints [{ apiVersion, kind, name, error }] instead.
 */
import { readFileSync } from 'node:fs';
import { parseAllDocuments } from 'yaml';

/** Where the model of an apiVersion lives; the kind is the module name inside it. */
const MODELS = {
  v1: 'kubernetes-models/v1',
  'apps/v1': 'kubernetes-models/apps/v1',
  'policy/v1': 'kubernetes-models/policy/v1',
  'networking.k8s.io/v1': 'kubernetes-models/networking.k8s.io/v1',
  'autoscaling/v2': 'kubernetes-models/autoscaling/v2',
  'batch/v1': 'kubernetes-models/batch/v1',
  'monitoring.coreos.com/v1': '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1',
  'keda.sh/v1alpha1': '@kubernetes-models/keda/keda.sh/v1alpha1',
};

async function validate(object) {
  const { apiVersion, kind } = object;
  const name = object.metadata?.name;
  const base = MODELS[apiVersion];
  if (!base) return { apiVersion, kind, name, error: `no schema known for apiVersion ${apiVersion}` };
  let Model;
  try {
    Model = (await import(`${base}/${kind}`))[kind];
  } catch {
    return { apiVersion, kind, name, error: `no schema known for ${apiVersion} ${kind}` };
  }
  // kubectl wraps long base64 values over lines; the API server's base64 decoding skips line breaks.
  if (kind === 'Secret' && object.data) {
    object.data = Object.fromEntries(
      Object.entries(object.data).map(([key, value]) => [key, String(value).replace(/\n/g, '')]),
    );
  }
  try {
    new Model(object).validate();
    return { apiVersion, kind, name };
  } catch (error) {
    return { apiVersion, kind, name, error: error.message };
  }
}

const text = readFileSync(0, 'utf8');
const objects = parseAllDocuments(text)
  .map((document) => document.toJS())
  .filter((object) => object !== null);
const results = await Promise.all(objects.map(validate));
if (process.argv.includes('--json')) console.log(JSON.stringify(results));
else
  for (const r of results)
    console.log(
      `${r.error ? 'INVALID' : 'ok'} ${r.apiVersion} ${r.kind} ${r.name}${r.error ? `: ${r.error}` : ''}`,
    );
process.exitCode = results.some((r) => r.error) ? 1 : 0;
