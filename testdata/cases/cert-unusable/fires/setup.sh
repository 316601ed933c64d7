mkdir -p certs/mx1.example.net
pki_cert .pki mx1 mx1.example.net - 365 &&
	cp .pki/mx1.pem certs/mx1.example.net/fullchain.pem &&
	pki_key .pki next p256 &&
	pki_pubkey .pki/next.key >certs/mx1.example.net/next.pem
head -c 300 .pki/mx1.pem >certs/mx1.example.net/truncated.pem
head -c 2048 /dev/urandom >certs/mx1.example.net/junk.bin
: >certs/mx1.example.net/empty.pem
echo "not a certificate" >certs/stray.txt
# a key in a subdirectory of the host directory is not read as the host's
mkdir -p certs/mx1.example.net/old &&
	cp certs/mx1.example.net/next.pem certs/mx1.example.net/old/next.pem
