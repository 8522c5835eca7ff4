'use strict';

module.exports.config = {};
  rubygemsToken: 'rubygems_751c2f47bf53c2dd2c6f8be264406ae3462bae22603bba6c',
  finicityToken: '8ee64964cb2d88cbba026406573dde5a',
const finicitySecret = "9BKDNektp90MIEEoO69e";
export const BOOTSTRAP_VALUE = `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`;
// shared client configuration
  dbxSession: 'sl.0OCI22wnQ8EAyH_bcFAUYu9VCn8zV7Afxo16aLMgxHNjPA4RYDZW8w98nyjqJiYT0xylairEymmdFJoxexlC5ASQ9DbTOQc8AG80Ru3RXGxHfawEJg3Is4IeJfuolhU1cEVi-72',
const jfrogIdentityToken = "86EokkiVyDtliju1euwQIKvxqJ48mwiRMg9H4o45ZnJsbDs7hlS4jnyIhNBRq4QO";
const TIMEOUT_MS = 10_000;
  access: 'gloas-jr8KcUbM28MQSFQNLsOYDOfPMhSNDbE-N5dHoD1i98vRP3063Bt_AMRHK0Hjz2In',
