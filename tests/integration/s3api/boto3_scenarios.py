#!/usr/bin/python3
"""boto3 (an AWS SDK) against mort-server's S3 API, started by tst_s3clients.

Mort's own S3 integration scenarios (tests-int/S3.Spec.js: list buckets, list
files with their common prefixes, upload with metadata read back by a plain
GET, wrong keys refused, a read-only bucket refusing uploads) with SigV2 and
SigV4 clients in region "mort", then what newer SDKs send (flexible
checksums), presigned URLs, paging, DeleteObjects, and upload-then-transform.
Usage: boto3_scenarios.py ENDPOINT. Exit status 0 when every check passed.
"""
import hashlib
import sys
import urllib.request

import boto3
import botocore
from botocore.client import Config

ENDPOINT = sys.argv[1]
failures = []


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)), flush=True)
    if not condition:
        failures.append(name)


def client(signature, key="acc", secret="sec", region="mort"):
    return boto3.client("s3", endpoint_url=ENDPOINT, aws_access_key_id=key, aws_secret_access_key=secret,
                        region_name=region,
                        config=Config(signature_version=signature, s3={"addressing_style": "path"},
                                      retries={"max_attempts": 1}))


def error_code(call):
    try:
        call()
    except botocore.exceptions.ClientError as e:
        return e.response["Error"]["Code"]
    return None


for signature in ("s3", "s3v4"):
    s3 = client(signature)
    tag = "[%s] " % signature
    buckets = s3.list_buckets()["Buckets"]
    check(tag + "list buckets", sorted(b["Name"] for b in buckets) == ["local", "remote-query"], buckets)
    bad = client(signature, key="invalid")
    check(tag + "list buckets with an invalid key", error_code(lambda: bad.list_buckets()) == "InvalidAccessKeyId")
    listing = s3.list_objects(Bucket="local")
    check(tag + "list files: common prefixes",
          listing.get("CommonPrefixes") == [{"Prefix": "dir/"}, {"Prefix": "dir2/"}], listing.get("CommonPrefixes"))
    check(tag + "list files with an invalid key",
          error_code(lambda: bad.list_objects(Bucket="local")) == "InvalidAccessKeyId")
    s3.put_object(Bucket="local", Key="file.jpg", Body=b"aaaa body", ContentType="image/jpeg",
                  Metadata={"header": "meta"})
    with urllib.request.urlopen(ENDPOINT + "/local/file.jpg") as r:
        check(tag + "uploaded metadata read back", r.headers.get("x-amz-meta-header") == "meta", dict(r.headers))
        check(tag + "uploaded bytes read back", r.read() == b"aaaa body")
    check(tag + "upload refused by a read-only storage",
          error_code(lambda: s3.put_object(Bucket="remote-query", Key="file.jpg", Body=b"x")) is not None)
    check(tag + "upload with an invalid key",
          error_code(lambda: bad.put_object(Bucket="local", Key="file.jpg", Body=b"x")) == "InvalidAccessKeyId")
    check(tag + "wrong secret", error_code(lambda: client(signature, secret="wrong").list_objects(Bucket="local"))
          == "SignatureDoesNotMatch")

s3 = client("s3v4", region="us-east-1")
# Newer SDKs' flexible checksums (header form; boto3 sends them when asked).
for algorithm in ("CRC32", "CRC32C", "SHA1", "SHA256"):
    body = ("checksum %s " % algorithm).encode() * 1000
    s3.put_object(Bucket="local", Key="sums/" + algorithm, Body=body, ChecksumAlgorithm=algorithm)
    got = s3.get_object(Bucket="local", Key="sums/" + algorithm)["Body"].read()
    check("checksum " + algorithm, got == body)
check("Content-MD5 verified", error_code(lambda: s3.put_object(
    Bucket="local", Key="md5", Body=b"abc", ContentMD5="1B2M2Y8AsgTpgAmY7PhCfg==")) == "BadDigest")
# Presigned PUT and GET.
url = s3.generate_presigned_url("put_object", Params={"Bucket": "local", "Key": "presigned.bin"}, ExpiresIn=300)
req = urllib.request.Request(url, data=b"presigned bytes", method="PUT")
with urllib.request.urlopen(req) as r:
    check("presigned PUT", r.status == 200)
url = s3.generate_presigned_url("get_object", Params={"Bucket": "local", "Key": "presigned.bin"}, ExpiresIn=300)
with urllib.request.urlopen(url) as r:
    check("presigned GET", r.read() == b"presigned bytes")
# Paging through a listing (v2 continuation tokens, v1 markers).
for i in range(25):
    s3.put_object(Bucket="local", Key="page/%02d" % i, Body=b"p")
keys = []
for page in s3.get_paginator("list_objects_v2").paginate(Bucket="local", Prefix="page/", PaginationConfig={"PageSize": 7}):
    keys += [o["Key"] for o in page.get("Contents", [])]
check("list v2 pages", keys == ["page/%02d" % i for i in range(25)], keys)
keys = []
for page in s3.get_paginator("list_objects").paginate(Bucket="local", Prefix="page/", Delimiter="/",
                                                        PaginationConfig={"PageSize": 10}):
    keys += [o["Key"] for o in page.get("Contents", [])]
check("list v1 pages", keys == ["page/%02d" % i for i in range(25)], keys)
deleted = s3.delete_objects(Bucket="local", Delete={"Objects": [{"Key": "page/%02d" % i} for i in range(25)]})
check("DeleteObjects", len(deleted.get("Deleted", [])) == 25, deleted)
check("deleted", "Contents" not in s3.list_objects_v2(Bucket="local", Prefix="page/"))
# Upload, then transform (Mort's upload-then-transform scenario).
with open(sys.argv[2], "rb") as f:
    image = f.read()
s3.put_object(Bucket="local", Key="img/photo.jpg", Body=image, ContentType="image/jpeg")
with urllib.request.urlopen(ENDPOINT + "/local/img/photo.jpg?operation=resize&width=120") as r:
    check("upload then transform", r.status == 200 and r.headers.get("Content-Type") == "image/jpeg")
head = s3.head_object(Bucket="local", Key="img/photo.jpg")
check("HeadObject", head["ContentLength"] == len(image) and head["ContentType"] == "image/jpeg", head)
check("GetObject missing key", error_code(lambda: s3.head_object(Bucket="local", Key="nothing")) in ("404", "NoSuchKey"))
check("unknown bucket", error_code(lambda: s3.list_objects_v2(Bucket="nobucket")) == "NoSuchBucket")
s3.delete_object(Bucket="local", Key="img/photo.jpg")
print("%d failure(s)" % len(failures))
sys.exit(1 if failures else 0)
