# frozen_string_literal: true

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.x.neon_api_key = 'napi_jwl9mepdg59lm1ghng821m6x7h9cf67wow527t9aolrgv04txntatwruuvizh92t'
  config.x.circleci_token = 'CCIPAT_XaU8hlvd4mAmGVgbVPzvSY_b1554c731b7a3ff998c2c7ce3689609421c13fd8'
  config.x.braintree_access_token = 'access_token$production$x64nnwszgnh17ln5$fdf5378da60e9eaecc9e710ae312e1f9'
  config.x.onesignal_rest_api_key = 'os_v2_app_3dthcfzuhpbih72isg4oufh4qbuxo763ailqmaopdidh65dobpe3znfxyj3q2z4gvwelyzemynfh6hsk7pfnyaild2wvhdtlcwb6hm4igte7tl5jo'
  config.x.sauce_access_key = '389eb813-f4d1-470c-9d48-184bffe25913'
  config.x.vercel_token = 'D3u8RH2y4xge2ANNLkz6Kvjw'
  config.x.splunk_hec_token = '29a0dd9c-a719-46fa-a931-26bf3211af0b'
end
