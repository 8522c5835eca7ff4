# frozen_string_literal: true

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.x.notion_token = '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'
  config.x.openrouter_api_key = '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'
  config.x.mongodb_atlas_public_key = 'zhvonliw'
  config.x.mongodb_atlas_private_key = '7be58231-1b40-46ed-b236-3b778ffd9dd0'
  config.x.pipedrive_api_token = 'c9e710ae312e1f9abaf8ef8d9d1d81a2ea426a2d'
  config.x.wakatime_api_key = 'waka_473e4233-a5b9-457c-b0f1-f6fef1b176ea'
  config.x.b2_application_key_id = '005f747c670b5760000000839'
  config.x.b2_application_key = 'K005yGt4oU0mfsIX7WJizyu9Lb6DJ7W'
  config.x.pubnub_secret_key = 'sec-c-1jUCvCt6YUAEIx3OHQvGy77Lht3gUIzYE406Sfj3GDdOTnK9'
end
