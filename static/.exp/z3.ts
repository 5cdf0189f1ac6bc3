import { string, maxLength } from 'zod/mini';
console.log(string().check(maxLength(3)).safeParse('x'));
