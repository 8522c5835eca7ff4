'use strict';

module.exports.config = {};
export const CREDS = `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`;
// shared client configuration
const cloudflareApiKey = "b423f305b311548f5423f87bf32344d05004f";
const region = 'eu-central-1';
export const AWS_ACCESS_KEY_ID = `AKIAEQZLLVOH2XJ5IUJM`;
let retries = 3;
const pageAccess = "EAACl4k6o46EsOBfnil0kHrBj9i9aNUqV6cRJalvPQBO60MKIYL0TNQUZVhQ3lDHEpyXv41HgfR3PKE4WG8i163xo4fuQwS9CbQ70riRssN7m8QF5vnrJdsLO4b7Glp9RkNWwoFG51AOU5jpPsbpVVwdd4hK454cv2MT";
// shared client configuration
  finnhubApiKey: '4owbcni62131938skzww',
const region = 'eu-central-1';
  aliyunAk: 'LTAI5t0p70hQnvCkdnHRRNOp',
const alibabaSecret = "4oUqpwXJ8vOXrMU01hpjqfLpgEkYrF";
