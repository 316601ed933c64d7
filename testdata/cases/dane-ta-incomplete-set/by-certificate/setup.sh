# A "2 1 2" record, whose SHA-512 data the built-in list lacks, pins R11 by
# the copy of its certificate in the certificate directory.
real=$TESTS_DIR/../../shared/realcerts
[ -d "$real" ] || case_skip "$real not present"
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20261101000000Z 20270301000000Z &&
	cat .pki/fullchain.pem "$real/lets-encrypt-r11.pem" \
		>certs/mx1.example.net/fullchain.pem &&
	cp "$real/lets-encrypt-r11.pem" .pki/r11.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
