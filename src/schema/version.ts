/** The contract's version, in every result (docs/contract.md): fields may be added, never renamed or dropped. */
export const CONTRACT_VERSION = 1 as const;
