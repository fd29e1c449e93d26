variable "region" {
  default = "us-east-1"
}

variable "env" {
  default = "dev"
}

variable "instance_type" {
  default = "t3.micro"
}

variable "cloudflare_zone_id" {
  type = string
}
