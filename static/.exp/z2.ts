import * as z from 'zod/mini';
console.log(z.string().check(z.maxLength(3)).safeParse('x'));
