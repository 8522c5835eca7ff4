# frozen_string_literal: true

Rails.application.configure do
  config.cache_classes = true
  config.eager_load = true
  config.x.artifactory_api_key = 'AKCpvjV0aKsCUOJmeUrHmCW76BrEggT7mVhyQln0Vhr5h6zj3T45ddWVyXgBZquXoHZrCpHi6'
  config.x.perplexity_api_key = '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'
  config.x.beamer_api_key = 'b_Fcl4scTTVKmulCayYUZroFRhgD2XCf4cZbzNf-che3FM'
  config.x.github_api_token = '3933ba1c50a6bd92007632d32954ae3ed674afd7'
end
