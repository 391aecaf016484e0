// Saving one skill's plan (status, resource link, target date): every bad field is answered at once; a
// saved plan closes the modal and the member gets the whole plan again, in their DM.
import { saveSkillPlan } from '../../../services/skills';
import type { AppDeps } from '../../deps';
import { dmLater } from '../../surfaces';
import { noticeModal } from '../../views/kit';
import {
  buildSkillsMessage,
  readSkillPlanForm,
  readSkillPlanMetadata,
  skillNotFoundText,
  skillPlanSavedNotice,
} from '../../views/skills';
import { onValidSubmission, type SubmitArgs } from './submission';

export function skillPlanSubmission(deps: AppDeps) {
  return async (args: SubmitArgs) => {
    const meta = readSkillPlanMetadata(args.view.private_metadata);
    if (!meta) {
      await args.ack({ response_action: 'update', view: noticeModal('Plan a skill', skillNotFoundText()) });
      return;
    }
    const submit = onValidSubmission(
      deps,
      (values) => readSkillPlanForm(values, meta.today),
      async ({ ack, client, data, scope, key, body }) => {
        const result = await saveSkillPlan(deps.db, scope, meta.skillId, data, deps.clock.now(), key);
        if (!result.ok) {
          await ack({ response_action: 'update', view: noticeModal('Plan a skill', skillNotFoundText()) });
          return;
        }
        await ack({ response_action: 'clear' });
        const item = result.plan.flatMap((g) => g.items).find((i) => i.skill.id === meta.skillId);
        const notice = skillPlanSavedNotice(item, result.skillName);
        dmLater(deps, client, body.user.id, buildSkillsMessage(result.plan, notice));
      },
    );
    await submit(args);
  };
}
