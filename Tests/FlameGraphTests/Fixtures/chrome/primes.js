// A small CPU-bound script to record a real .cpuprofile from:
//   node --cpu-prof --cpu-prof-interval 1000 --cpu-prof-name primes.cpuprofile primes.js
// then the folder of the script, in the file:// URLs, replaced by /app/
// (sed 's#file:///[^"]*/primes.js#file:///app/primes.js#g').
// Two functions that take clearly different shares of the time, one of
// them recursive, and an anonymous callback.

function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) return false;
  }
  return true;
}

function countPrimes(limit) {
  let count = 0;
  for (let n = 0; n < limit; n++) {
    if (isPrime(n)) count++;
  }
  return count;
}

function fibonacci(n) {
  return n < 2 ? n : fibonacci(n - 1) + fibonacci(n - 2);
}

const results = [3e5, 6e5].map((limit) => countPrimes(limit));
results.push(fibonacci(27));
console.log(results.join(" "));
