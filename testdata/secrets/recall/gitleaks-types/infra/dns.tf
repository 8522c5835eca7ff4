provider "aws" {
  region = "us-east-1"
}

locals {
  creds = "xoxb-619787976064-9996199094498-FjOWjOhaBY5V9ZOUiXppWRuL"
  environment = "production"
  jfrog_access_token = "aSVbWr3ZY4vtvxyg4lnmJI6BD9V4i29AiUu7diNrZtVOOHe36NViUhW1JF7bjAH9"
  twitter_bearer = "AAAAAAAAAAAAAAAAAAAAA0YVRZpaAAbn2kVPglMaOOHtfajS7zd%3D7zUBZEXamTzyTqAvV3IPIfFJBxMi3ktqblrQqQiFhKbEqRNOW9"
  github_credentials = "ghp_vluWfhj56EfXYbxmsdxmLprWlYNOaQU0VFov"
}
