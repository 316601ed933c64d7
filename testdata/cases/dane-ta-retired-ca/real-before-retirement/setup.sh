# R3 and E1 count as retired only from their expiry on 2025-09-15.
real=$TESTS_DIR/../../shared/realcerts
[ -d "$real" ] || case_skip "$real not present"
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20250101000000Z 20250701000000Z &&
	cat .pki/fullchain.pem "$real/lets-encrypt-r3.pem" \
		"$real/lets-encrypt-e1.pem" >certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
