# frozen_string_literal: true

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.x.tencentcloud_secret_id = 'AKID435tmrDS4dE8uYcKdTsT7fZ2t7i6CdUj'
  config.x.tencentcloud_secret_key = 'QQ9dL85H8aCgZR1yfLAaQdt9ZuQQoufk'
  config.x.honeycomb_api_key = 'hcaik_y0q1xoibylnbkrf6pqr6wlow0kl0u0e9j7j1gu33ql8pnivxfjq5qvrjp1'
end
