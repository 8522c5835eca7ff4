'use strict';

const axios = require('axios');

const renderApiKey = 'rnd_GH0TdtF01C3GYEv0ikqOAaoHZEx9';
const mistralApiKey = 'MgDuKgqyF4j23aZojz44htOYZXSxwHSg';
const posthogPersonalApiKey = 'phx_3pxWXwWeckzPW1PyrHOH2CpKkK33yrnnKKM9wO68ti6';
const braintreeAccessToken = 'access_token$production$d27n1z3xmwgm891g$d6181735f506f0a8680b36913511d06f';
const onesignalRestApiKey = 'os_v2_app_ez5qadxfxt7xusso6wa44ttolygbqwqhalpqet4z6phrgu5lp6qxr4xbse5yymeyj34rttnhfi32eesrwyjm6coao6wu5zq252fdsysq3kkquywor';
const browserstackUsername = 'cjizcrcx_2Gw3OW';
const browserstackAccessKey = 'CGa7bgXHzXueMofUjLf2';
const sauceAccessKey = '9a1f3869-9a83-4ba9-9760-a18c5f58796d';

module.exports = {
  renderApiKey,
  mistralApiKey,
  posthogPersonalApiKey,
  braintreeAccessToken,
  onesignalRestApiKey,
  browserstackAccessKey,
  sauceAccessKey,
  http: axios.create({ timeout: 10000 }),
};
