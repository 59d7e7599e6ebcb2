export { startSystem, freePort, REPO_ROOT, type SystemOptions, type RunningSystem, type ServiceProcess } from './system';
export { slices } from './ab';
