/**
 * The company goals a project goal may contribute to, loaded once per page (one invoke, on the first
 * goal form opened) and shared by every form after it.
 */
import { useEffect, useState } from 'react';
import type { CompanyGoalChoices } from '../../../src/contract/portfolio/portfolio';
import { call } from '../../shared/bridge';

let choices: Promise<CompanyGoalChoices['goals']> | null = null;

export function useCompanyGoalChoices(): CompanyGoalChoices['goals'] {
  const [goals, setGoals] = useState<CompanyGoalChoices['goals']>([]);
  useEffect(() => {
    choices ??= call('company-goal/choices', {}).then((r) => (r.ok ? r.data.goals : []));
    let live = true;
    void choices.then((g) => live && setGoals(g));
    return () => {
      live = false;
    };
  }, []);
  return goals;
}
