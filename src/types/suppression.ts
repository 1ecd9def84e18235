// One accepted-on-purpose entry: from `.aks-pull-gate.yaml` `ignore:` (or a workload annotation
// `aks-pull-gate.io/ignore`). Parsed and validated in settings/; matched and applied by checks/ and the verdict.
export interface IgnoreEntry {
  /** Rule id the entry accepts. */
  rule: string;
  /** Image glob (`*` any run of characters), e.g. `docker.io/library/*`. Absent: any image. */
  image?: string;
  /** Namespace the finding's workload is in. Absent: any. */
  namespace?: string;
  /** Workload as `Kind/name` (e.g. `Deployment/orders-api`). Absent: any. */
  workload?: string;
  /** Why it is accepted (required). */
  reason: string;
  /** Last day the entry applies, `YYYY-MM-DD` (required). */
  expires: string;
  /** Where the entry was written: `.aks-pull-gate.yaml:12` or `Deployment prod/orders-api annotation`. */
  source: string;
  /** `external` for the repository file, `inSource` for a workload annotation (SARIF suppression kinds). */
  kind: 'external' | 'inSource';
}
