'use strict';

const axios = require('axios');

const herokuApiKey = 'HRKU-AAD9kIcIugqj3bpB8cyOYPgJMM36oG7iiBXQdmxwZ2po-YxGbz8bDFtKEM0N';
const mailgunKey = 'key-70061870c587447e4174569f4148d686';

module.exports = {
  herokuApiKey,
  mailgunKey,
  http: axios.create({ timeout: 10000 }),
};
