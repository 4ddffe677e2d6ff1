-- The POS profile's receipt logo (issue 19): base64 of a PNG or JPEG, at most 64 KiB and 1024 x 1024 px (checked by
-- ProfileService); null = no logo. Tills scale it to their paper and print it as a raster at the top of each receipt.
alter table pos_profile add column receipt_logo text;
