/** Importing every repository of a GitHub or GitHub Enterprise organisation as components. */
export const githubMethods = {};
