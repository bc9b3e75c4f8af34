/** The search methods of the contract. */
export const searchMethods = {};
