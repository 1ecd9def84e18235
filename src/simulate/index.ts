// Public surface of the simulated world: load a world file, start the loopback emulator for it.
export { loadWorld, parseWorld } from './world.js';
export type { World, Fault, FaultMode, GateIdentity, ArmResource } from './world.js';
export { startEmulator } from './emulator.js';
export type { Emulator, EmulatorOptions } from './emulator.js';
export { BUILT_IN_ROLES } from './builtin-roles.js';
