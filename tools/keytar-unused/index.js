'use strict';
// The Forge CLI keeps its login here; bundling never logs in, so every call says so plainly.
const unavailable = async () => {
  throw new Error('keytar is not installed in this project: log in with the Forge CLI installed globally');
};
module.exports = {
  getPassword: unavailable,
  setPassword: unavailable,
  deletePassword: unavailable,
  findCredentials: unavailable,
  findPassword: unavailable,
};
