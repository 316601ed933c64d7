# mx1's records carry a typo in the host label; certs/mx9.example.com is
# for a host no loaded zone holds (a typo in the directory name).
mkdir -p certs/mx1.example.net certs/mx9.example.com
pki_cert .pki mx1 mx1.example.net - 365 &&
	cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem &&
	cp .pki/mx1.pem certs/mx9.example.com/fullchain.pem &&
	pki_pubkey .pki/next.key >certs/mx9.example.com/next.pem
