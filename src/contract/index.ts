export * from './result';
export * from './model';
export * from './limits';
export * from './schemas';
export * from './keys';
export * from './alignment';
