import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { abortListeners, controlledLogin, settled } from './__fixtures__/controlled-login';
import { createSharedLogin } from './create-shared-login';

describe('createSharedLogin: any mix of callers leaving and the login settling', () => {
  it('answers each caller once: its own reason if it left first, else the login outcome', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (leavesEarly, succeeds) => {
          const { runs, login } = controlledLogin();
          const shared = createSharedLogin(login);
          const controllers = leavesEarly.map(() => new AbortController());
          const calls = controllers.map((controller) => settled(shared.join(controller.signal)));
          controllers.forEach((controller, index) => {
            if (leavesEarly[index]) controller.abort(`left-${index}`);
          });
          const everyoneLeft = leavesEarly.every(Boolean);
          expect(runs).toHaveLength(1);
          expect(runs[0]!.signal.aborted).toBe(everyoneLeft);
          if (succeeds) runs[0]!.resolve('token');
          else runs[0]!.reject('refused');
          const outcome = everyoneLeft
            ? undefined
            : succeeds
              ? { value: 'token' }
              : { error: 'refused' };
          const answers = await Promise.all(calls);
          answers.forEach((answer, index) => {
            expect(answer).toEqual(leavesEarly[index] ? { error: `left-${index}` } : outcome);
          });
          for (const controller of controllers) controller.abort('after the answer');
          expect(controllers.map((controller) => abortListeners(controller.signal))).toEqual(
            controllers.map(() => 0),
          );
        },
      ),
    );
  });
});
