import type { DeliveryRoleOption, LogGroupOption } from "@/lib/aws/wizard-options";
import type { WizardContext, WizardState } from "@/lib/flow-log-wizard/state";
import type { VpcCoverage } from "@/lib/topology/coverage";

export type { DeliveryRoleOption, LogGroupOption };

/** What the server loaded for the wizard: where it creates, the topology, roles and log groups. */
export interface WizardOptions {
  ctx: WizardContext;
  vpcs: VpcCoverage[];
  roles: DeliveryRoleOption[];
  logGroups: LogGroupOption[];
}

export type UnsuccessfulItem = { resourceId: string; code: string; message: string };

export interface StepProps {
  state: WizardState;
  update: (patch: Partial<WizardState>) => void;
  /** Field → message, shown beside the field. */
  issues: Record<string, string>;
  options: WizardOptions;
}
