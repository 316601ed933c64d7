# The chain file still lists four retired Let's Encrypt and IdenTrust CA
# certificates, copied from the public certificates in shared/realcerts.
real=$TESTS_DIR/../../shared/realcerts
[ -d "$real" ] || case_skip "$real not present"
mkdir -p certs/mx1.example.net
pki_chain_dated .pki mx1.example.net 20261101000000Z 20270301000000Z &&
	cat .pki/fullchain.pem "$real/lets-encrypt-x3-cross-signed.pem" \
		"$real/trustid-x3-root.pem" "$real/lets-encrypt-r3.pem" \
		"$real/lets-encrypt-e1.pem" >certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
