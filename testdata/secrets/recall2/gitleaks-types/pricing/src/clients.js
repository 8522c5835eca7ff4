'use strict';

const axios = require('axios');

const herokuApiKey = 'HRKU-AAD9kIcIugqj3bpB8cyOYPgJMM36oG7iiBXQdmxwZ2po-YxGbz8bDFtKEM0N';

module.exports = {
  herokuApiKey,
  http: axios.create({ timeout: 10000 }),
};
