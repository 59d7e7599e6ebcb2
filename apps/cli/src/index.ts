export { startSystem, REPO_ROOT, type SystemOptions, type RunningSystem, type ServiceProcess } from './system';
