/**
 * The app's entry points, exactly the handlers `manifest.yml` names (function keys in brackets);
 * they are assembled in ./main/forge.ts.
 */
export {
  /** [jira-resolver] */ jiraResolver,
  /** [daily-trigger] */ dailyTrigger,
  /** [job-consumer] */ jobConsumer,
  /** [privacy-trigger] */ privacyTrigger,
  /** [macro-resolver] */ macroResolver,
  /** [macro-export] */ macroExport,
} from './main/forge';
