/** A KPI of the project's goal book, for the measurement actions and charts (deleted KPIs name nothing). */
import { fail, type GoalBook } from '../../contract';

export const deletedKpi = (path = 'kpiId') =>
  fail<never>('VALIDATION_FAILED', 'This KPI no longer exists.', {
    fields: [{ path, message: 'This KPI was deleted; nothing was recorded.' }],
  });

export const kpiOf = (book: GoalBook, kpiId: string) => book.kpis.find((k) => k.id === kpiId);
