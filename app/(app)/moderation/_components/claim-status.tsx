/** Who may decide the item now: not its author, and not while another moderator reviews it. */
export function ClaimStatus({
  isMine,
  claimedBy,
  claimedByMe,
  claimExpiresAt,
}: {
  isMine: boolean;
  claimedBy: string | null;
  claimedByMe: boolean;
  claimExpiresAt: string | null;
}) {
  const until = claimExpiresAt?.slice(11, 16);
  return (
    <>
      {isMine && (
        <p className="font-medium">
          This is your own submission: another moderator must decide it.
        </p>
      )}
      {claimedBy && !claimedByMe && (
        <p className="font-medium text-amber-800">
          {claimedBy} is reviewing this item until {until} UTC.
        </p>
      )}
      {claimedByMe && (
        <p className="text-stone-700">You are reviewing this item until {until} UTC.</p>
      )}
    </>
  );
}
