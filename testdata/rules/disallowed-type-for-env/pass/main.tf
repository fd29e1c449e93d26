provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { app = "menus", env = "preview" }
  }
}

resource "aws_db_instance" "db" {
  engine            = "postgres"
  instance_class    = "db.t4g.micro"
  allocated_storage = 20
}

# Production may run anything the cost rules allow
resource "aws_instance" "api" {
  ami           = "ami-1"
  instance_type = "m5.large"
  tags          = { env = "prod" }
}

variable "cache_type" {}

resource "aws_elasticache_cluster" "cache" {
  cluster_id = "menus"
  engine     = "redis"
  node_type  = var.cache_type
}

# No environment known: nothing to compare with
resource "azurerm_linux_virtual_machine" "vm" {
  name = "vm"
  size = "Standard_D4s_v5"
}
