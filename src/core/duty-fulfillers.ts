/**
 * The projects that settle a duty at one plant: its `fulfilledBy`, less those whose `fulfilledByWhen` condition does
 * not hold there (resolved by plant-duties.ts `dutyStatus` into the duty's own `fulfilledBy`). Pure; imports nothing,
 * so that the phasing (roadmap.ts, plan-anchors.ts) and the report read it alike.
 */
export const dutyFulfillers = (d: { def: { fulfilledBy?: string[] }; fulfilledBy?: readonly string[] }): readonly string[] => d.fulfilledBy ?? d.def.fulfilledBy ?? [];
