/**
 * The issue property on an epic that ties it to a goal (declared in manifest.yml, searchable in JQL as
 * `visionGoal`). Its own module, free of schemas, so the UI can build a goal's search link lightly.
 */
export const GOAL_LINK_PROPERTY = 'product-vision-goal';
export const GOAL_LINK_ALIAS = 'visionGoal';
