'use strict';

module.exports.config = {};
const region = 'eu-central-1';
  headers: { Authorization: `Bearer ABIAEQZLLVOH2XJ5IUJM` },
// shared client configuration
export const DRONE_ACCESS_TOKEN = `MFnGIWgq5lvPBKn9Bpb1yfu8yxNf3ds5`;
const TIMEOUT_MS = 10_000;
const pageAccess = "EAACl4k6o46EsOBfnil0kHrBj9i9aNUqV6cRJalvPQBO60MKIYL0TNQUZVhQ3lDHEpyXv41HgfR3PKE4WG8i163xo4fuQwS9CbQ70riRssN7m8QF5vnrJdsLO4b7Glp9RkNWwoFG51AOU5jpPsbpVVwdd4hK454cv2MT";
let retries = 3;
  aliyunAk: 'LTAI5t0p70hQnvCkdnHRRNOp',
const alibabaSecret = "4oUqpwXJ8vOXrMU01hpjqfLpgEkYrF";
const client = new Client('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');
// shared client configuration
export const MESSAGEBIRD_CLIENT_ID = `218a4192-56a0-4773-abb8-77d1027a9d9a`;
export const MESSAGEBIRD_API_KEY = `is4RcTP2n5W4P9UF25jUfOyNT`;
