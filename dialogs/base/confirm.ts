import { accept, refuse, type Answer } from './answerPrompt';
import { saidChange, saidYes } from './words';

/** Confirm / Change buttons or their typed words; Cancel is handled by the base dialog. */
export function parseConfirm(answer: Answer, help: string) {
  const action = answer.value?.action;
  if (action === 'confirm' || (!answer.value && saidYes(answer.text))) return accept('confirm' as const);
  if (action === 'change' || (!answer.value && saidChange(answer.text))) return accept('change' as const);
  return refuse(help);
}
