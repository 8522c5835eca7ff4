# frozen_string_literal: true

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.x.slack_bot_token = 'xoxb-887936495054-8937787410170-TVoue9SWNoMBkTGEzWT9U5qH'
  config.x.shopify_api_secret = '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'
  config.x.doppler_token = 'dp.pt.QNpdMUIYdXEPkKXcQSLDThHIdlte4N8F2smCGEkfJ3T'
  config.x.linear_api_key = 'lin_api_QNU6Jl563M5EvGr14WrrMqeMj8FxptOyEK596qFp'
  config.x.alibaba_cloud_access_key_id = 'LTAIqWXuQZW7CAL7mgNrDtbs'
  config.x.alibaba_cloud_access_key_secret = 'ixjkCZTLswcPlrfWaKUoN5ZX6opKVa'
  config.x.facebook_app_secret = 'fcc7fdc2b746c25dc231504e649d1f25'
  config.x.brevo_api_key = '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'
end
