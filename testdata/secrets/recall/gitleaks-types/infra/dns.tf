provider "aws" {
  region = "us-east-1"
}

locals {
  # managed by platform team
  linear_key = "lin_api_uk1VaXuOzdMs0nn7Yz3zWm90RVCbYKnH2adckoxs"
  instance_count = 3
  discord_token = "NzQ1NDQ0MTczODg3MjgyMjgxOA.MPv5N4.hUB8gWn1bkMnIXWB5a1sJT4cjDyBMkqWkDdRCu"
}
