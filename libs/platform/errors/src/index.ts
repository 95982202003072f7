export { isRetriable, LienthongError } from './lienthong-error';
