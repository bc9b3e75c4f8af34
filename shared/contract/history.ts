/** The history methods of the contract. */
export const historyMethods = {};
