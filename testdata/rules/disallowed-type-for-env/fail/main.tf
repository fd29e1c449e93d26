provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = { app = "menus", env = "preview" }
  }
}

# A preview copy of production, sizes and all
resource "aws_db_instance" "db" {
  engine            = "postgres"
  instance_class    = "db.m5.large" # expect: disallowed-type-for-env
  allocated_storage = 20
}

resource "aws_elasticache_cluster" "cache" {
  cluster_id = "menus"
  engine     = "redis"
  node_type  = "cache.r6g.large" # expect: disallowed-type-for-env
}

resource "aws_instance" "api" {
  ami           = "ami-1"
  instance_type = "t3.small"
}

resource "aws_eks_node_group" "nodes" {
  cluster_name   = "c"
  node_role_arn  = "arn"
  subnet_ids     = ["s"]
  instance_types = ["t3.medium", "c6i.large"] # expect: disallowed-type-for-env
  scaling_config {
    desired_size = 1
    max_size     = 2
    min_size     = 1
  }
}
