'use strict';

module.exports.config = {};
const region = 'eu-central-1';
export const TEMPORAL_API_KEY = `eyJhbGciOiJFUzI1NiIsInR5cCI6IkpXVCJ9.eyJhY2NvdW50X2lkIjoibWo3cWwiLCJrZXlfaWQiOiJ3NUZOWlJrQ2J6b3U2dThFbXBoSmhZZTFwNjBva290cCJ9.ya_LqBVeqKafuecbERlgbNGqJQx-z0ixUjpVt09lo5O0oOA3Jj39OerLUGySZi76a1bRKgnYzyRC4UACFY6QXE7Kj6hxWG1fMGgNujcHkfln56AASYhOmF8a4Z_H1jnN85_ySOHF-OSpnXI7YxYo7I2p7tM1kUMV-AhCoyTcIl5YrLUPskG5aji_y7k69RNtSe55Rz1I8ApO-Lv_OLWs6lGL0U6cTRKi4TlNkPpHPQYasit90rY9AnBBTpF2OgbJ6a4CwyVG3H1FUwLQz_pe7QQDrNxUiCIgUPxByA9B3AQWM5PPkM4XxN0QF3K5ep3c-wA-ieCsUNLAYG64XQw3wg`;
  mem0Token: 'm0-qjXft58ZULqAH511kgWHdHsPTTTBxPRDvwyELM54',
  planetscaleDbUsername: 'ijkvhugg0781',
const planetscaleDbPassword = "pscale_pw_y3WduLbMiTiByF9SX0nXscHoJQqs-I35fiBHGJ6lBHU";
const TIMEOUT_MS = 10_000;
const client = new Client('KEYB6F3392F392B2064F4C29B761CC9F406_n7FhYv1bymZf5HF49NckJd');
// shared client configuration
  vtApiKey: '8d5db564606c860224bc3a3a7202f3cf03f953373349902464b7bfcf39064079',
// shared client configuration
const gcNotifyKey = "gcntfy-ci-3ad32186-aee2-490c-96ed-07e28f506990-331a4f79-f636-41cc-af72-de707f6dcf8b";
